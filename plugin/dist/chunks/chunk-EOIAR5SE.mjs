#!/usr/bin/env node
import{a as s}from"./chunk-Z57D6PH6.mjs";var r="WALNUT_PASSPHRASE";function S(e){let{[r]:t,...o}=e;return o}s(S,"withoutPassphrase");export{r as a,S as b};
