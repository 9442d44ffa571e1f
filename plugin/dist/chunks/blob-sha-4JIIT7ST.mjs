#!/usr/bin/env node
import{a,b}from"./chunk-AJYMSKXT.mjs";import"./chunk-BB3JRKKR.mjs";import"./chunk-LK5J5IDF.mjs";import"./chunk-UB5XQDZL.mjs";import"./chunk-IDPOGZEX.mjs";export{a as gitBlobSha,b as gitBlobShaOf};
