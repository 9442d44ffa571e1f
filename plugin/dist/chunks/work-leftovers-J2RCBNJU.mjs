#!/usr/bin/env node
import{a,b,c}from"./chunk-GGQUARRL.mjs";import"./chunk-OV3XUNRZ.mjs";import"./chunk-EFP4MHK5.mjs";import"./chunk-CDTN7WR5.mjs";import"./chunk-O4AR3DY2.mjs";import"./chunk-BB3JRKKR.mjs";import"./chunk-LK5J5IDF.mjs";import"./chunk-R4TOT6VD.mjs";import"./chunk-UB5XQDZL.mjs";import"./chunk-IDPOGZEX.mjs";export{a as LEFTOVER_AGE_MS,b as ownedName,c as removeLeftovers};
