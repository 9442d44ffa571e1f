#!/usr/bin/env node
import{a,b,c}from"./chunk-SHW6LC4O.mjs";import"./chunk-XJXN72CV.mjs";import"./chunk-DPAQ4QPP.mjs";import"./chunk-CDTN7WR5.mjs";import"./chunk-TD3GEFHN.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-QP64SNB7.mjs";import"./chunk-R4TOT6VD.mjs";import"./chunk-IDPOGZEX.mjs";export{a as LEFTOVER_AGE_MS,b as ownedName,c as removeLeftovers};
