#!/usr/bin/env node
import{a,b,c,d,e,f,g,h,i,j}from"./chunk-X5OOHZDW.mjs";import"./chunk-TMHRNKS2.mjs";import"./chunk-LUTHXSWN.mjs";import"./chunk-EOIAR5SE.mjs";import"./chunk-7R4TUVTG.mjs";import"./chunk-Z57D6PH6.mjs";export{i as callSignal,a as createOctokit,h as githubError,g as githubMessage,e as hasResponse,c as hideToken,d as httpStatus,f as isStatus,b as tokenOf,j as withReadRetry};
