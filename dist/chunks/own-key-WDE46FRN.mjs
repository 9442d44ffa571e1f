#!/usr/bin/env node
import{a,b}from"./chunk-DNAQNK4B.mjs";import"./chunk-VKVHPJMK.mjs";import"./chunk-H2S5M6EA.mjs";import"./chunk-XW73EF3R.mjs";import"./chunk-TD3GEFHN.mjs";import"./chunk-QP64SNB7.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-CNVYCY7I.mjs";import"./chunk-IDPOGZEX.mjs";export{a as loadOwnPrivateKey,b as missingPrivateKey};
