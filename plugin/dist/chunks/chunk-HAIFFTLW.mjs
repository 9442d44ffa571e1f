#!/usr/bin/env node
import{a as e,i as o}from"./chunk-TNL43K7N.mjs";function u(r){if(r===process.pid)return!0;try{return process.kill(r,0),!0}catch(t){return o(t)==="EPERM"}}e(u,"processAlive");export{u as a};
