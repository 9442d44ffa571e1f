#!/usr/bin/env node
import{f as o}from"./chunk-CNVYCY7I.mjs";import{a as e}from"./chunk-IDPOGZEX.mjs";function u(r){if(r===process.pid)return!0;try{return process.kill(r,0),!0}catch(t){return o(t)==="EPERM"}}e(u,"processAlive");export{u as a};
