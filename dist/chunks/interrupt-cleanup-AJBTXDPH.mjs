#!/usr/bin/env node
import{a}from"./chunk-QMXAYS35.mjs";import"./chunk-IDPOGZEX.mjs";export{a as cleanUpIfInterrupted};
