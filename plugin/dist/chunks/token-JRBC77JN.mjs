#!/usr/bin/env node
import{a,b,c,d}from"./chunk-UYBLSISJ.mjs";import"./chunk-NANET27A.mjs";import"./chunk-H364PQZ6.mjs";import"./chunk-ZCZ2YSNP.mjs";import"./chunk-BB3JRKKR.mjs";import"./chunk-R4TOT6VD.mjs";import"./chunk-UB5XQDZL.mjs";import"./chunk-IDPOGZEX.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
