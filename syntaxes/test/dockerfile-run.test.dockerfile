# SYNTAX TEST "source.dockerfile" "Shell inside RUN: continuations, flags, exec form, heredocs"
FROM python:3.12-slim AS base
# <---- keyword.other.special-method.dockerfile
#    ^^^^^^^^^^^^^^^^ - meta.embedded.block.shell

RUN apt-get update \
# <--- keyword.other.special-method.dockerfile - meta.embedded.block.shell
#   ^^^^^^^ meta.embedded.block.shell entity.name.command.shell
#           ^^^^^^ meta.embedded.block.shell string.unquoted.argument.shell
#                  ^ meta.embedded.block.shell constant.character.escape.line-continuation.shell
    && apt-get install -y --no-install-recommends curl \
#   ^^ meta.embedded.block.shell punctuation.separator.statement.and.shell
#      ^^^^^^^ meta.embedded.block.shell entity.name.command.shell
#              ^^^^^^^ meta.embedded.block.shell string.unquoted.argument.shell
    && rm -rf /var/lib/apt/lists/*
#      ^^ meta.embedded.block.shell entity.name.command.shell
#                                ^ meta.embedded.block.shell variable.language.special.wildcard.shell
ENV FLASK_ENV=development
# <--- keyword.other.special-method.dockerfile - meta.embedded.block.shell
#   ^^^^^^^^^^^^^^^^^^^^^ - meta.embedded.block.shell

RUN --mount=type=cache,target=/root/.cache pip3 install --no-cache-dir -r requirements.txt
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ variable.parameter.flag.dockerfile - meta.embedded.block.shell
#                                          ^^^^ meta.embedded.block.shell entity.name.command.shell
#                                                         ^^^^^^^^^^^^ meta.embedded.block.shell constant.other.option

RUN ["python3", "-m", "pip", "--version"]
#    ^^^^^^^^^ string.quoted.double.dockerfile - meta.embedded.block.shell

RUN \
    if [ -f /etc/os-release ]; then echo "$HOME"; fi
#   ^^ meta.embedded.block.shell keyword.control.if.shell
#                                         ^^^^^ meta.embedded.block.shell variable.other.normal.shell

RUN echo "a string that goes on \
  to the next line"; echo done
# ^^^^^^^^^^^^^^^^^ meta.embedded.block.shell string.quoted.double.shell
#                    ^^^^ meta.embedded.block.shell support.function.builtin.shell
WORKDIR /app
# <------- keyword.other.special-method.dockerfile - meta.embedded.block.shell

RUN <<EOF
# <--- keyword.other.special-method.dockerfile
#   ^^ keyword.operator.heredoc.dockerfile
#     ^^^ entity.name.tag.heredoc.dockerfile
set -eux
# <--- meta.embedded.block.shell support.function.builtin.shell
useradd --system app
# <------- meta.embedded.block.shell entity.name.command.shell
EOF
# <--- entity.name.tag.heredoc.dockerfile - meta.embedded.block.shell

RUN <<-"SCRIPT" bash
#   ^^^ keyword.operator.heredoc.dockerfile
#       ^^^^^^ entity.name.tag.heredoc.dockerfile
	echo "tab-indented, closed by a tab-indented delimiter"
#^^^^ meta.embedded.block.shell support.function.builtin.shell
	SCRIPT
#^^^^^^ entity.name.tag.heredoc.dockerfile
USER app
# <---- keyword.other.special-method.dockerfile - meta.embedded.block.shell

RUN python3 <<'PY'
#   ^^^^^^^ meta.embedded.block.shell entity.name.command.shell
#           ^^ keyword.operator.heredoc.shell
print("a heredoc fed to a command is that command's input, not shell")
# <----- string.quoted.heredoc.no-indent.PY - entity.name.command.shell
PY
CMD ["python3", "-m", "flask", "run"]
# <--- keyword.other.special-method.dockerfile - meta.embedded.block.shell

ONBUILD RUN echo "$PATH"
# <------- keyword.control.dockerfile
#       ^^^ keyword.other.special-method.dockerfile
#           ^^^^ meta.embedded.block.shell support.function.builtin.shell

run echo lower-case instruction
# <--- keyword.other.special-method.dockerfile
#   ^^^^ meta.embedded.block.shell support.function.builtin.shell

# RUN in a comment stays a comment
# ^^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile - meta.embedded.block.shell
EXPOSE 4567
# <------ keyword.other.special-method.dockerfile - meta.embedded.block.shell
