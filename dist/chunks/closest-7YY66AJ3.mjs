#!/usr/bin/env node
import{a,b}from"./chunk-YDACWVRX.mjs";import"./chunk-IDPOGZEX.mjs";export{b as closestName,a as editDistance};
