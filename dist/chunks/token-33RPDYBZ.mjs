#!/usr/bin/env node
import{a,b,c,d}from"./chunk-IWIAX3JV.mjs";import"./chunk-SKYNH6CV.mjs";import"./chunk-YGQOBOOO.mjs";import"./chunk-IWU4XKOW.mjs";import"./chunk-YZC5EPQO.mjs";import"./chunk-VGADD2UK.mjs";import"./chunk-TNL43K7N.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
