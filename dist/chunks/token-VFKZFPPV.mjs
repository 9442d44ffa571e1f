#!/usr/bin/env node
import{a,b,c,d}from"./chunk-PNITN34B.mjs";import"./chunk-5NDQPAHP.mjs";import"./chunk-QF7CAS33.mjs";import"./chunk-AW6NUBFA.mjs";import"./chunk-QDRMPRUV.mjs";import"./chunk-2MSFOXX4.mjs";import"./chunk-DV7U3KJ3.mjs";export{c as DEFAULT_API_URL,d as githubApiUrl,b as resolveGithubToken,a as tokenSource};
