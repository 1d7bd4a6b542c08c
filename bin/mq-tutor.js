#!/usr/bin/env node
import '../dist/mq-tutor.js';
