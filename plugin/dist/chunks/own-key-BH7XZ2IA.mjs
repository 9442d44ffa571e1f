#!/usr/bin/env node
import{a,b}from"./chunk-AUZPLKEO.mjs";import"./chunk-XMKEKE4L.mjs";import"./chunk-2D3G3QB6.mjs";import"./chunk-TD3GEFHN.mjs";import"./chunk-AZ43AX2W.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-QP64SNB7.mjs";import"./chunk-R4TOT6VD.mjs";import"./chunk-IDPOGZEX.mjs";export{a as loadOwnPrivateKey,b as missingPrivateKey};
