/*
 * The add-in's web part: task pane, ribbon function file and result dialog, built into dist/web (the CLI owns dist/cli, dist/engine).
 *
 * Target: ES2017 syntax with ES2018 regular expressions (Unicode property escapes) and no regex lookbehind, for the
 * add-in's own code and its dependencies alike: what Safari 14 (the WKWebView of older Macs) and WebView2 run.
 * Lookbehind parses only in Safari 16.4 and later, so one in the bundle leaves the pane blank on older Macs.
 * test/e2e/bundle.e2e.ts parses the built files at that level and fails on any lookbehind. EdgeHTML and Internet
 * Explorer (Office 2016/2019 on Windows) are older still: src/taskpane/compat.js says so in the pane.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const OFFICE_DIST = path.dirname(require.resolve('@microsoft/office-js/dist/office.js'));
const DEV_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

/** The trusted localhost certificate; where it cannot be trusted automatically (Linux, no sudo), the generated one, with a warning. */
async function httpsOptions() {
  const devCerts = require('office-addin-dev-certs');
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const fs = require('fs');
    const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
    if (!fs.existsSync(path.join(dir, 'localhost.crt'))) throw e;
    console.warn(`Could not install the development CA (${e.message.split('\n')[0]}). Serving with ${dir}/localhost.crt: trust ${dir}/ca.crt yourself.`);
    return { ca: fs.readFileSync(path.join(dir, 'ca.crt')), cert: fs.readFileSync(path.join(dir, 'localhost.crt')), key: fs.readFileSync(path.join(dir, 'localhost.key')) };
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const config = {
    devtool: dev ? 'source-map' : false,
    // webpack's own runtime (chunk loading for the parts loaded on use) and the minifier's output follow this target too:
    // without it they write ?. and ?? into the bundle.
    target: ['web', 'es2017'],
    entry: {
      taskpane: './src/taskpane/taskpane.ts',
      commands: './src/commands/commands.ts',
      dialog: './src/dialog/dialog.ts',
    },
    output: { path: path.resolve(__dirname, 'dist/web'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.web.json', onlyCompileBundledFiles: true } } },
        // Dependencies (zod) ship newer syntax (?., ??, class fields): TypeScript lowers them to the same target.
        {
          test: /\.m?js$/,
          include: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { configFile: 'tsconfig.web.json', transpileOnly: true, compilerOptions: { allowJs: true, target: 'ES2017', sourceMap: dev } },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], scriptLoading: 'defer' }),
      new HtmlWebpackPlugin({ filename: 'dialog.html', template: './src/dialog/dialog.html', chunks: ['dialog'], scriptLoading: 'defer' }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          // ES5 on purpose: it runs where the bundle cannot, to say so.
          { from: 'src/taskpane/compat.js', to: 'compat.js', info: { minimized: true } },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // office.js from the add-in's own origin, not Microsoft's CDN: no network call beyond the add-in's files.
          // office.js loads the Excel host files and its strings beside itself; everything else (Outlook, Word…) stays out.
          {
            from: '**/*',
            context: OFFICE_DIST,
            to: 'office/',
            // Already minified by Microsoft: terser would spend minutes on 12 MB for nothing.
            info: { minimized: true },
            globOptions: { ignore: ['**/*.debug.js', '**/office.d.ts', '**/ariatelemetry/**', '**/outlook*', '**/word*', '**/powerpoint*', '**/onenote*', '**/project*', '**/access*', '**/visio*', '**/*vsdoc*'] },
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist/web') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      port: DEV_PORT,
    },
  };
  if (dev && argv.env && argv.env.WEBPACK_SERVE) {
    // Office requires https even on localhost; office-addin-dev-certs makes and trusts a local certificate.
    config.devServer.server = { type: 'https', options: await httpsOptions() };
  }
  return config;
};
