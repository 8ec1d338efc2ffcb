const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

// n8n reads node and credential icons from dist, next to the compiled files that reference them.
function copyIcons() {
	const nodeSource = path.resolve('nodes', '**', '*.{png,svg}');
	const nodeDestination = path.resolve('dist', 'nodes');
	src(nodeSource, { encoding: false }).pipe(dest(nodeDestination));

	const iconSource = path.resolve('icons', '**', '*.{png,svg}');
	const iconDestination = path.resolve('dist', 'icons');
	src(iconSource, { encoding: false }).pipe(dest(iconDestination));

	const credSource = path.resolve('credentials', '**', '*.{png,svg}');
	const credDestination = path.resolve('dist', 'credentials');
	return src(credSource, { encoding: false }).pipe(dest(credDestination));
}
