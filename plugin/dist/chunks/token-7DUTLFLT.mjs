#!/usr/bin/env node
import{a,b,c,d}from"./chunk-TMHRNKS2.mjs";import"./chunk-LUTHXSWN.mjs";import"./chunk-EOIAR5SE.mjs";import"./chunk-Z57D6PH6.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
