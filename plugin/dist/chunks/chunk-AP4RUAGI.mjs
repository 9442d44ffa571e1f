#!/usr/bin/env node
import{a as t}from"./chunk-AP2XVDOU.mjs";import{a as r,d as o}from"./chunk-IDPOGZEX.mjs";var e=o(t(),1);function i(n){return(0,e.parse)(n,{logLevel:"error"})}r(i,"parseYamlQuietly");export{i as a};
