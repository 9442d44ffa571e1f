#!/usr/bin/env node
import{a,b,c,d}from"./chunk-IY3JWWFY.mjs";import"./chunk-7OIPUHSD.mjs";import"./chunk-Y4TLL6AV.mjs";import"./chunk-K4I4PYDD.mjs";import"./chunk-2YJN3ACZ.mjs";import"./chunk-RDLYP5ED.mjs";import"./chunk-3LQ4RF7N.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
