#!/usr/bin/env node
import{a,b}from"./chunk-PJ5KYN7A.mjs";import"./chunk-VFP53KX2.mjs";import"./chunk-6VHHN7W7.mjs";import"./chunk-2POEZPK4.mjs";import"./chunk-TD3GEFHN.mjs";import"./chunk-QP64SNB7.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-CNVYCY7I.mjs";import"./chunk-IDPOGZEX.mjs";export{a as loadOwnPrivateKey,b as missingPrivateKey};
