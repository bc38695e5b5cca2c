"""Build the engine's optional C kernels (``sandbox/_native/kernels.c``); everything else is in pyproject.toml.

The kernels are C functions that the engine calls with ctypes (the module itself is empty). Where no C
compiler or no Python headers are available (or the build fails), installing goes on without them and the
engine runs its NumPy code, which gives the same numbers.
"""

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

# Exactly one rounding per float32 operation, as NumPy does: no fused multiply-add, no fast-math.
# -fno-math-errno only lets sqrtf compile to the instruction (the results are the same).
_UNIX_FLAGS = ["-O3", "-std=c99", "-ffp-contract=off", "-fno-math-errno"]


class _BuildExt(build_ext):
    def build_extensions(self) -> None:
        if self.compiler.compiler_type != "msvc":
            for ext in self.extensions:
                ext.extra_compile_args = [*ext.extra_compile_args, *_UNIX_FLAGS]
        else:
            for ext in self.extensions:
                ext.extra_compile_args = [*ext.extra_compile_args, "/O2", "/fp:precise"]
        super().build_extensions()


setup(
    ext_modules=[Extension("sandbox._native._kernels", ["sandbox/_native/kernels.c"], optional=True)],
    cmdclass={"build_ext": _BuildExt},
)
