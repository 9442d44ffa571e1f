#!/usr/bin/env node
import{a,b,c,d}from"./chunk-HGTQFZ6K.mjs";import"./chunk-UZOFXE6D.mjs";import"./chunk-REK4D6PA.mjs";import"./chunk-N75JUOSE.mjs";import"./chunk-44SZJA6T.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-CK6ZIJEK.mjs";import"./chunk-IDPOGZEX.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
