#!/usr/bin/env node
import{a,b}from"./chunk-62TBPYDS.mjs";import"./chunk-U4Y4ZNDB.mjs";import"./chunk-5N6NCY4U.mjs";import"./chunk-TD3GEFHN.mjs";import"./chunk-2POEZPK4.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-QP64SNB7.mjs";import"./chunk-R4TOT6VD.mjs";import"./chunk-IDPOGZEX.mjs";export{a as loadOwnPrivateKey,b as missingPrivateKey};
