#!/usr/bin/env node
import{a as s}from"./chunk-IDPOGZEX.mjs";var r="WALNUT_PASSPHRASE";function S(e){let{[r]:t,...o}=e;return o}s(S,"withoutPassphrase");export{r as a,S as b};
