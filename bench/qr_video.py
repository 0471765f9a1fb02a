"""QR video benchmark: how long a family waits, per decoder, through the kiosk's real camera path.

    .venv/bin/python bench/qr_video.py [--seed 0] [--clips 7] [--conditions walk_in,tilt,...]
                                       [--decoders kiosk.scan,zxing-cpp,pyzbar]

Clips (`bench/qr_clips.py`, generated first in 2 processes): 2-2.5 s at 30 fps of a phone held up
to the desk camera under one condition each, showing an e-card token that the member app
replaces once; `--clips` per condition. Each clip is played in real time to each decoder in turn
(clip 1 to all decoders, then clip 2 ..., the order rotating, so load drift hits all alike):
`GeneratedCamera` at 30 fps whose frames are the clip's JPEGs decoded in the camera thread (the
driver's MJPEG decode), then the last frame again after the clip ends; `CameraWorker`, which keeps
only the newest frame; `ScanWorker` with the decoder; `CardReader` with the sample key and a clock
at which both tokens are valid. Measured per decoder:

- time to first read: from the capture of the clip's first frame with the code in view (all four
  corners inside the frame, at least 2 px per module, no finder pattern under a thumb) to the
  reader reporting an accepted token of the clip; 0 when read before that frame; not read when
  that does not happen by the clip's end. Median and p95 are over the clips read.
- wrong reads: texts the decoder returned that are not the token shown in the frame it decoded.
- CPU s/s: the decoder's CPU time in the scan thread (`time.thread_time`; work OpenCV hands to its
  own threads is not counted) per second of clip played; and the share of the clip's frames the
  decoder got to see (the others were dropped while it was busy).
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np
from qr_clips import CONDITIONS, FPS, READ_AT, Clip, generate
from qr_decode import pyzbar_alone, zxing_alone

from kiosk.scan import decode, synthetic
from kiosk.scan.camera import CameraWorker, GeneratedCamera
from kiosk.scan.reader import CardReader, ScanEvent, ScanWorker

Decoder = Callable[[np.ndarray], list[str]]

DECODERS: dict[str, Decoder] = {
    "kiosk.scan": decode,
    "zxing-cpp": zxing_alone,
    "pyzbar": pyzbar_alone,
}


@dataclass
class Playback:
    """One clip played to one decoder."""

    frames: int
    seconds: float
    read_ms: float | None = None
    wrong: int = 0
    cpu: float = 0.0
    decoded: int = 0


class _Player:
    """The camera's render callback, the decoder wrapper and the reader's callback for one
    playback; each records what it saw with the monotonic time."""

    def __init__(self, clip: Clip, decoder: Decoder) -> None:
        self.clip = clip
        self.decoder = decoder
        self.shown = {f.text for f in clip.frames if f.text is not None}
        self.images: list[np.ndarray] = []  # kept alive: the decoder wrapper maps them by id()
        self.frame_of: dict[int, int] = {}
        self.captured: list[float] = []
        self.ended = threading.Event()
        self.ended_at = 0.0
        self.calls: list[tuple[int, float, float, list[str]]] = []  # frame, started, cpu, texts
        self.reads: list[float] = []

    def render(self, number: int) -> np.ndarray:
        if number >= len(self.clip.frames):
            if not self.ended.is_set():
                self.ended_at = time.monotonic()
                self.ended.set()
            return self.images[-1]
        data = np.frombuffer(self.clip.frames[number].jpeg, np.uint8)
        image = cv2.imdecode(data, cv2.IMREAD_COLOR)
        self.images.append(image)
        self.frame_of[id(image)] = number
        self.captured.append(time.monotonic())
        return image

    def decode(self, image: np.ndarray) -> list[str]:
        started, cpu = time.monotonic(), time.thread_time()
        texts = self.decoder(image)
        self.calls.append((self.frame_of[id(image)], started, time.thread_time() - cpu, texts))
        return texts

    def on_scan(self, event: ScanEvent) -> None:
        if event.accepted and event.text in self.shown:
            self.reads.append(time.monotonic())


def play(clip: Clip, decoder: Decoder) -> Playback:
    """Play `clip` in real time through the camera and scan workers to `decoder`."""
    player = _Player(clip, decoder)
    reader = CardReader(synthetic.sample_public_keys, clock=lambda: READ_AT, on_scan=player.on_scan)
    camera = CameraWorker(GeneratedCamera(player.render, fps=FPS))
    seconds = len(clip.frames) / FPS
    with camera, ScanWorker(camera, reader, decoder=player.decode):
        if not player.ended.wait(seconds + 30):
            raise RuntimeError(f"the camera did not play {clip.condition} {clip.index} to its end")
    result = Playback(len(clip.frames), seconds)
    calls = [call for call in player.calls if call[1] < player.ended_at]
    result.cpu = sum(cpu for _, _, cpu, _ in calls)
    result.decoded = len({frame for frame, _, _, _ in calls})
    result.wrong = sum(t != clip.frames[f].text for f, _, _, texts in player.calls for t in texts)
    first = clip.first_in_view
    read = next((t for t in player.reads if t <= player.ended_at), None)
    if first is None:
        raise ValueError(f"{clip.condition} {clip.index}: the code is never in view")
    if read is not None:
        result.read_ms = max(0.0, read - player.captured[first]) * 1000
    return result


@dataclass
class _Tally:
    """Playbacks of one decoder for one condition (or all)."""

    clips: int = 0
    read_ms: list[float] = field(default_factory=list)
    wrong: int = 0
    cpu: float = 0.0
    seconds: float = 0.0
    decoded: int = 0
    frames: int = 0

    def add(self, playback: Playback) -> None:
        self.clips += 1
        if playback.read_ms is not None:
            self.read_ms.append(playback.read_ms)
        self.wrong += playback.wrong
        self.cpu += playback.cpu
        self.seconds += playback.seconds
        self.decoded += playback.decoded
        self.frames += playback.frames

    def cells(self) -> list[str]:
        read = self.read_ms
        median = f"{np.median(read):.0f}" if read else "-"
        p95 = f"{np.percentile(read, 95):.0f}" if read else "-"
        return [
            f"{len(read)}/{self.clips}",
            median,
            p95,
            str(self.wrong),
            f"{self.cpu / self.seconds:.3f}",
            f"{self.decoded / self.frames:.0%}",
        ]


_COLUMNS = ("read", "med ms", "p95 ms", "wrong", "CPU s/s", "frames")
_WIDTH = 8


def _names(value: str, known: tuple[str, ...], parser: argparse.ArgumentParser) -> list[str]:
    names = value.split(",")
    unknown = [n for n in names if n not in known]
    if unknown:
        parser.error(f"unknown: {', '.join(unknown)} (known: {', '.join(known)})")
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--clips", type=int, default=7, help="per condition")
    parser.add_argument("--conditions", default=",".join(CONDITIONS))
    parser.add_argument("--decoders", default=",".join(DECODERS))
    args = parser.parse_args(argv)
    conditions = _names(args.conditions, CONDITIONS, parser)
    names = _names(args.decoders, tuple(DECODERS), parser)

    started = time.perf_counter()
    clips = generate(conditions, args.clips, args.seed, workers=2)
    generated = time.perf_counter() - started
    first = cv2.imdecode(np.frombuffer(clips[0].frames[-1].jpeg, np.uint8), cv2.IMREAD_COLOR)
    for name in names:
        DECODERS[name](first)  # load libraries and warm caches outside the measurement

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    seconds = sum(len(c.frames) for c in clips) / FPS
    print(
        f"QR video benchmark: seed {args.seed}, {len(clips)} clips ({args.clips} per condition, "
        f"{seconds:.0f} s of 1280x720 at {FPS:.0f} fps) played in real time to each decoder, "
        f"{os.cpu_count()} cores, cv2 threads {cv2.getNumThreads()}, load average {load}"
    )
    playing = time.perf_counter()
    tallies = {(n, c): _Tally() for n in names for c in (*conditions, "overall")}
    for number, clip in enumerate(clips):
        for k in range(len(names)):
            name = names[(number + k) % len(names)]
            playback = play(clip, DECODERS[name])
            tallies[name, clip.condition].add(playback)
            tallies[name, "overall"].add(playback)
    played = time.perf_counter() - playing

    group = len(_COLUMNS) * _WIDTH
    print(f"{'':<16}" + "".join(f"{n:^{group}}" for n in names))
    print(f"{'condition':<16}" + "".join(f"{c:>{_WIDTH}}" for c in _COLUMNS) * len(names))
    for condition in (*conditions, "overall"):
        cells = [cell for n in names for cell in tallies[n, condition].cells()]
        print(f"{condition:<16}" + "".join(f"{cell:>{_WIDTH}}" for cell in cells))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"generated in {generated:.0f} s, played in {played:.0f} s; load average {load}. "
        "frames: share of the clip's frames the decoder saw."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
