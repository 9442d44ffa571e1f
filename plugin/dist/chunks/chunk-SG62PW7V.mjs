#!/usr/bin/env node
var t="walnut-relay";export{t as a};
