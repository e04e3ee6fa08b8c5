"""The commands of `timeline` other than the build itself (build.py) and the preview (serve/),
one module each, named as the command line says it: `new`, `init`, `theme copy`, `publish`,
`source add`, `import`. Each is a thin layer over the library; only cli.py prints."""
