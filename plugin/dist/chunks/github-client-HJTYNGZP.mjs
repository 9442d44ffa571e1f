#!/usr/bin/env node
import{a,b,c,d,e,f,g,h,i,j}from"./chunk-FB5SQCOC.mjs";import"./chunk-TMHRNKS2.mjs";import"./chunk-LUTHXSWN.mjs";import"./chunk-EOIAR5SE.mjs";import"./chunk-RKL3TUEF.mjs";import"./chunk-Z57D6PH6.mjs";export{i as callSignal,a as createOctokit,h as githubError,g as githubMessage,e as hasResponse,c as hideToken,d as httpStatus,f as isStatus,b as tokenOf,j as withReadRetry};
