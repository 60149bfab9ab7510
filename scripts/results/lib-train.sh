# Sourced by the training scripts. train_resuming OUT ARGS… runs `trainer train ARGS… --out OUT`, resuming from
# OUT's checkpoint when one is there, and again after a crash as long as the crashed attempt completed an epoch.
# Why: libtorch, very rarely, aborts inside Adam's step (about once in 6 000 steps here; a native
# "Expected false to be true" from c10::Scalar). A resume repeats the seeded draws and the schedule exactly, so
# the finished run is the one an uninterrupted run would have given.
# A stop asked for, by Ctrl-C or SIGTERM to this script or to the trainer (exit code 130), is never resumed.
# Needs $trainer (the trainer.dll to run).

completed_epochs() {
  [[ -f $1/checkpoint.json ]] || { echo -1; return; }
  grep -o '"completedEpochs": *[0-9]*' "$1/checkpoint.json" | grep -o '[0-9]*$' || echo -1
}

train_resuming() {
  local out=$1; shift
  local attempt before resume=()
  # A stop asked for (Ctrl-C, SIGTERM: the trainer finishes its epoch and exits) must not be resumed.
  trap 'echo "train_resuming: stopped" >&2; exit 130' INT TERM
  for attempt in 1 2 3 4 5; do
    before=$(completed_epochs "$out")
    [[ $before -ge 0 ]] && resume=(--resume)
    local status=0
    dotnet "$trainer" train "$@" --out "$out" "${resume[@]}" || status=$?
    [[ $status -eq 0 ]] && return 0
    # 130: the trainer itself was asked to stop (a signal sent to it rather than to this script).
    if [[ $status -eq 130 ]]; then
      echo "train_resuming: the trainer was stopped on request; not resuming" >&2
      return 130
    fi
    if [[ $(completed_epochs "$out") -le $before ]]; then
      echo "train_resuming: attempt $attempt failed without completing an epoch; giving up" >&2
      return 1
    fi
    echo "train_resuming: attempt $attempt stopped after epoch $(completed_epochs "$out"); resuming" >&2
  done
  return 1
}
