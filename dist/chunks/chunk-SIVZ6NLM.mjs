#!/usr/bin/env node
import{a as n}from"./chunk-DV7U3KJ3.mjs";function e(r,t,u=`${t}s`){return`${r} ${r===1?t:u}`}n(e,"counted");export{e as a};
