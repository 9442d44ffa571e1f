#!/usr/bin/env node
import{a as t}from"./chunk-IDPOGZEX.mjs";function e(n){return typeof n=="object"&&n!==null&&!Array.isArray(n)?n:void 0}t(e,"asObject");export{e as a};
