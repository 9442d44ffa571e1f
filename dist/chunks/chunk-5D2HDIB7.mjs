#!/usr/bin/env node
import{a as n}from"./chunk-3LQ4RF7N.mjs";function e(r,t,u=`${t}s`){return`${r} ${r===1?t:u}`}n(e,"counted");export{e as a};
