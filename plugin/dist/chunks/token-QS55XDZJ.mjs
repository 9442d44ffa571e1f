#!/usr/bin/env node
import{a,b,c,d}from"./chunk-TY3SV42X.mjs";import"./chunk-DCB5THDE.mjs";import"./chunk-REK4D6PA.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-XW73EF3R.mjs";import"./chunk-53M4IVEV.mjs";import"./chunk-IDPOGZEX.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
