#!/usr/bin/env node
import{a,b,c,d}from"./chunk-QQR2HJZV.mjs";import"./chunk-UZOFXE6D.mjs";import"./chunk-REK4D6PA.mjs";import"./chunk-N75JUOSE.mjs";import"./chunk-SHX7BHBJ.mjs";import"./chunk-Q25TGAUD.mjs";import"./chunk-CK6ZIJEK.mjs";import"./chunk-IDPOGZEX.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
