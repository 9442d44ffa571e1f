#!/usr/bin/env node
import{a,b}from"./chunk-C4UBJ4XE.mjs";import"./chunk-7ILXQ464.mjs";import"./chunk-5N6NCY4U.mjs";import"./chunk-TD3GEFHN.mjs";import"./chunk-2POEZPK4.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-QP64SNB7.mjs";import"./chunk-CNVYCY7I.mjs";import"./chunk-IDPOGZEX.mjs";export{a as loadOwnPrivateKey,b as missingPrivateKey};
