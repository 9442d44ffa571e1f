#!/usr/bin/env node
import{a,b,c,d}from"./chunk-DGB72YYP.mjs";import"./chunk-DCB5THDE.mjs";import"./chunk-REK4D6PA.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-Y5OMKDBU.mjs";import"./chunk-CK6ZIJEK.mjs";import"./chunk-IDPOGZEX.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
