"""PyTorch's training throughput on the model the trainer benchmarks, as a baseline.

torchvision's mobilenet_v2(width_mult=ALPHA) is Keras' MobileNetV2 layer for layer (the
same channel rounding and blocks; ENVIRONMENT.md checks the parameter counts agree). One
step is the reference protocol's: plain SGD, softmax cross-entropy on logits, train mode.
Prints one JSON object: {"imagesPerSecond": …, "threads": …, "memoryFormat": …, "torch": "1.13.1", …}.

--memory-format channels_last runs PyTorch at its fastest on a CPU: the model's weights and
the images in NHWC order (`model.to(memory_format=torch.channels_last)`), about twice its
default NCHW figure on one thread here; a PyTorch user after speed would run it so.

Run with Debian's /usr/bin/python3 (python3-torch and python3-torchvision are installed
for it only). Random data, as the tfjs measurement uses: speed does not depend on values.
"""
import argparse
import json
import time

import torch
import torchvision

parser = argparse.ArgumentParser()
parser.add_argument("--alpha", type=float, default=0.35)
parser.add_argument("--input-size", type=int, default=32)
parser.add_argument("--batch-size", type=int, default=32)
parser.add_argument("--classes", type=int, default=10)
parser.add_argument("--threads", type=int, default=1)
parser.add_argument("--warmup-steps", type=int, default=5)
parser.add_argument("--min-seconds", type=float, default=10.0)
parser.add_argument("--memory-format", choices=["contiguous", "channels_last"], default="contiguous")
args = parser.parse_args()

torch.set_num_threads(args.threads)
torch.manual_seed(0)
model = torchvision.models.mobilenet_v2(width_mult=args.alpha, num_classes=args.classes)
model.train()
memory_format = {"contiguous": torch.contiguous_format, "channels_last": torch.channels_last}[args.memory_format]
model = model.to(memory_format=memory_format)
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
loss_fn = torch.nn.CrossEntropyLoss()
# PyTorch's tensors are indexed channels-first, [batch, 3, size, size], whatever their memory order.
images = torch.rand(args.batch_size, 3, args.input_size, args.input_size).contiguous(memory_format=memory_format)
labels = torch.randint(0, args.classes, (args.batch_size,))


def step():
    optimizer.zero_grad()
    loss = loss_fn(model(images), labels)
    loss.backward()
    optimizer.step()
    return loss.item()


for _ in range(args.warmup_steps):
    step()
steps = 0
start = time.perf_counter()
while True:
    step()
    steps += 1
    elapsed = time.perf_counter() - start
    if elapsed >= args.min_seconds:
        break

print(json.dumps({
    "imagesPerSecond": steps * args.batch_size / elapsed,
    "steps": steps,
    "seconds": elapsed,
    "threads": args.threads,
    "memoryFormat": args.memory_format,
    "torch": torch.__version__,
    "torchvision": torchvision.__version__,
}))
