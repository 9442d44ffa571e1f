#!/usr/bin/env node
import{a,b}from"./chunk-E5X6UKSD.mjs";import"./chunk-D2CVTOQ2.mjs";import"./chunk-TATC5KEM.mjs";import"./chunk-O4AR3DY2.mjs";import"./chunk-RO2LZNF5.mjs";import"./chunk-BB3JRKKR.mjs";import"./chunk-LK5J5IDF.mjs";import"./chunk-R4TOT6VD.mjs";import"./chunk-UB5XQDZL.mjs";import"./chunk-IDPOGZEX.mjs";export{a as loadOwnPrivateKey,b as missingPrivateKey};
