<?php
$mg = Mailgun::create('key-851f391bcadf61f73238477dd555e5d5');
$mg->messages()->send('mg.corp.internal', $params);
