#!/usr/bin/env node
import{a,b}from"./chunk-DRQLMZD5.mjs";import"./chunk-3XAD4RAM.mjs";import"./chunk-44JLHXD6.mjs";import"./chunk-O4AR3DY2.mjs";import"./chunk-ZCZ2YSNP.mjs";import"./chunk-BB3JRKKR.mjs";import"./chunk-LK5J5IDF.mjs";import"./chunk-R4TOT6VD.mjs";import"./chunk-UB5XQDZL.mjs";import"./chunk-IDPOGZEX.mjs";export{a as loadOwnPrivateKey,b as missingPrivateKey};
