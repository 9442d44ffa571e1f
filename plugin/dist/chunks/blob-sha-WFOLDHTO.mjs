#!/usr/bin/env node
import{a,b}from"./chunk-ERWXNBC4.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-QP64SNB7.mjs";import"./chunk-IDPOGZEX.mjs";export{a as gitBlobSha,b as gitBlobShaOf};
