#!/usr/bin/env node
import{a,b,c}from"./chunk-XQHQCM5X.mjs";import"./chunk-O6G72A7P.mjs";import"./chunk-DPAQ4QPP.mjs";import"./chunk-TD3GEFHN.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-QP64SNB7.mjs";import"./chunk-CNVYCY7I.mjs";import"./chunk-IDPOGZEX.mjs";export{a as LEFTOVER_AGE_MS,b as ownedName,c as removeLeftovers};
