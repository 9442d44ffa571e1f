#!/usr/bin/env node
import{a,b}from"./chunk-BUHNRYC7.mjs";import"./chunk-4YU32KKO.mjs";import"./chunk-EEOGG2B2.mjs";import"./chunk-TD3GEFHN.mjs";import"./chunk-QP64SNB7.mjs";import"./chunk-2POEZPK4.mjs";import"./chunk-CNVYCY7I.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-IDPOGZEX.mjs";export{a as loadOwnPrivateKey,b as missingPrivateKey};
