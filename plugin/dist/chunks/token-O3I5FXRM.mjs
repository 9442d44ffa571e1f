#!/usr/bin/env node
import{a,b,c,d}from"./chunk-6KQEHDYO.mjs";import"./chunk-DCB5THDE.mjs";import"./chunk-REK4D6PA.mjs";import"./chunk-OWZ6SGKG.mjs";import"./chunk-CK6ZIJEK.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-IDPOGZEX.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
