#!/usr/bin/env node
import{a,b}from"./chunk-VE3HZBBQ.mjs";import"./chunk-PXBRKO4P.mjs";import"./chunk-KXZT7AHB.mjs";import"./chunk-TD3GEFHN.mjs";import"./chunk-RO2LZNF5.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-QP64SNB7.mjs";import"./chunk-R4TOT6VD.mjs";import"./chunk-IDPOGZEX.mjs";export{a as loadOwnPrivateKey,b as missingPrivateKey};
