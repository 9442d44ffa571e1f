#!/usr/bin/env node
import{a,b,c,d}from"./chunk-63VBVT4T.mjs";import"./chunk-ZSZLEIBX.mjs";import"./chunk-QT6DWA42.mjs";import"./chunk-2POEZPK4.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-CNVYCY7I.mjs";import"./chunk-IDPOGZEX.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
