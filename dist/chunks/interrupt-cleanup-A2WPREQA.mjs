#!/usr/bin/env node
import{a,b}from"./chunk-QYGIRHSQ.mjs";import"./chunk-IDPOGZEX.mjs";export{a as cleanUpIfInterrupted,b as registeredCleanupsForTests};
