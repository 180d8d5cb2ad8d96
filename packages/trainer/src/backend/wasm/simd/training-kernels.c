// Training kernels for MobileNetV2 on tfjs-backend-wasm, in WebAssembly SIMD.
//
// The module imports the backend's own memory and works on its tensors in place, so it
// must never touch memory it was not given: it has no data segment and no stack (every
// pointer is an argument, every temporary a local), and the build script checks both.
// Outputs are written in full; callers pass freshly allocated tensors.
//
// Layouts are NHWC, channels innermost, so each loop runs four channels to a vector and
// finishes the last channels (channels % 4) one at a time.
//
// Build: build-training-kernels.sh (clang --target=wasm32 -msimd128).

#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

static inline v128_t load(const float *p) { return wasm_v128_load(p); }
static inline void store(float *p, v128_t v) { wasm_v128_store(p, v); }
static inline v128_t madd(v128_t acc, v128_t a, v128_t b) { return wasm_f32x4_add(acc, wasm_f32x4_mul(a, b)); }

static void fill_zero(float *out, int count) {
  int i = 0;
  for (; i + 4 <= count; i += 4) store(out + i, wasm_f32x4_splat(0.0f));
  for (; i < count; i++) out[i] = 0.0f;
}

// Running sums over the rows of a [rows, channels] view, Kahan's way: the rounding error
// of each addition is kept in `compensation` and taken back at the next, so that a
// channel's sum stays within a rounding or two of the exact one however many rows there
// are. A plain running sum loses up to one rounding per row; over the 2,048 rows of
// MobileNetV2's first batch norms at 32 px (100,352 at 224 px) that put the mean of a
// channel that barely varies (an uncentred image range, a flat background) off by a
// fraction of its spread, and normalising scales that error by up to 1/sqrt(epsilon).
// Not compiled with -ffast-math, so the compiler keeps the arithmetic as written.
static inline void kahan_add4(float *sum, float *compensation, v128_t value) {
  v128_t corrected = wasm_f32x4_sub(value, load(compensation));
  v128_t before = load(sum);
  v128_t after = wasm_f32x4_add(before, corrected);
  store(compensation, wasm_f32x4_sub(wasm_f32x4_sub(after, before), corrected));
  store(sum, after);
}

static inline void kahan_add(float *sum, float *compensation, float value) {
  float corrected = value - *compensation;
  float after = *sum + corrected;
  *compensation = (after - *sum) - corrected;
  *sum = after;
}

// Batch norm over a [rows, channels] view of an NHWC batch with the batch's own statistics:
// mean, invStd = 1/sqrt(variance + epsilon) with the biased variance, and
// y = (x - mean) * invStd * gamma + beta; and the layer's moving statistics moved toward
// the batch's, moving - (moving - batch) * (1 - momentum), as Keras does.
EXPORT(batch_norm_forward)
void batch_norm_forward(const float *x, const float *gamma, const float *beta, const float *moving_mean, const float *moving_variance,
                        int rows, int channels, float epsilon, float momentum, float *y, float *mean, float *inv_std,
                        float *new_moving_mean, float *new_moving_variance) {
  const float count = (float)rows;
  // The batch variance accumulates in new_moving_variance until the moving update below,
  // and inv_std holds the sums' compensations until it is computed.
  float *variance = new_moving_variance;
  float *compensation = inv_std;
  fill_zero(mean, channels);
  fill_zero(compensation, channels);
  for (int r = 0; r < rows; r++) {
    const float *xr = x + (long)r * channels;
    int c = 0;
    for (; c + 4 <= channels; c += 4) kahan_add4(mean + c, compensation + c, load(xr + c));
    for (; c < channels; c++) kahan_add(mean + c, compensation + c, xr[c]);
  }
  for (int c = 0; c < channels; c++) mean[c] /= count;
  // Two passes, as tf.moments does: the sum of squared deviations, not E[x²] - E[x]².
  fill_zero(variance, channels);
  fill_zero(compensation, channels);
  for (int r = 0; r < rows; r++) {
    const float *xr = x + (long)r * channels;
    int c = 0;
    for (; c + 4 <= channels; c += 4) {
      v128_t d = wasm_f32x4_sub(load(xr + c), load(mean + c));
      kahan_add4(variance + c, compensation + c, wasm_f32x4_mul(d, d));
    }
    for (; c < channels; c++) {
      float d = xr[c] - mean[c];
      kahan_add(variance + c, compensation + c, d * d);
    }
  }
  for (int c = 0; c < channels; c++) {
    float batch_variance = variance[c] / count;
    inv_std[c] = 1.0f / __builtin_sqrtf(batch_variance + epsilon);
    new_moving_mean[c] = moving_mean[c] - (moving_mean[c] - mean[c]) * (1.0f - momentum);
    new_moving_variance[c] = moving_variance[c] - (moving_variance[c] - batch_variance) * (1.0f - momentum);
  }
  for (int r = 0; r < rows; r++) {
    const float *xr = x + (long)r * channels;
    float *yr = y + (long)r * channels;
    int c = 0;
    for (; c + 4 <= channels; c += 4) {
      v128_t scale = wasm_f32x4_mul(load(inv_std + c), load(gamma + c));
      store(yr + c, madd(load(beta + c), wasm_f32x4_sub(load(xr + c), load(mean + c)), scale));
    }
    for (; c < channels; c++) yr[c] = beta[c] + (xr[c] - mean[c]) * inv_std[c] * gamma[c];
  }
}

// The closed-form gradient of batch_norm_forward, x̂ = (x - mean) * invStd, m = rows:
// dBeta = Σ dy, dGamma = Σ dy·x̂, dx = gamma·invStd·(dy - dBeta/m - x̂·dGamma/m).
EXPORT(batch_norm_backward)
void batch_norm_backward(const float *x, const float *dy, const float *gamma, const float *mean, const float *inv_std, int rows,
                         int channels, float *dx, float *d_gamma, float *d_beta) {
  const float inv_rows = 1.0f / (float)rows;
  fill_zero(d_gamma, channels);
  fill_zero(d_beta, channels);
  // d_gamma holds Σ dy·(x - mean) until it is scaled by invStd below.
  for (int r = 0; r < rows; r++) {
    const float *xr = x + (long)r * channels;
    const float *dyr = dy + (long)r * channels;
    int c = 0;
    for (; c + 4 <= channels; c += 4) {
      v128_t g = load(dyr + c);
      store(d_beta + c, wasm_f32x4_add(load(d_beta + c), g));
      store(d_gamma + c, madd(load(d_gamma + c), g, wasm_f32x4_sub(load(xr + c), load(mean + c))));
    }
    for (; c < channels; c++) {
      d_beta[c] += dyr[c];
      d_gamma[c] += dyr[c] * (xr[c] - mean[c]);
    }
  }
  for (int c = 0; c < channels; c++) d_gamma[c] *= inv_std[c];
  const v128_t inv_rows4 = wasm_f32x4_splat(inv_rows);
  for (int r = 0; r < rows; r++) {
    const float *xr = x + (long)r * channels;
    const float *dyr = dy + (long)r * channels;
    float *dxr = dx + (long)r * channels;
    int c = 0;
    for (; c + 4 <= channels; c += 4) {
      v128_t s = load(inv_std + c);
      v128_t x_hat = wasm_f32x4_mul(wasm_f32x4_sub(load(xr + c), load(mean + c)), s);
      v128_t centered = wasm_f32x4_sub(load(dyr + c), wasm_f32x4_mul(load(d_beta + c), inv_rows4));
      v128_t corrected = wasm_f32x4_sub(centered, wasm_f32x4_mul(x_hat, wasm_f32x4_mul(load(d_gamma + c), inv_rows4)));
      store(dxr + c, wasm_f32x4_mul(corrected, wasm_f32x4_mul(load(gamma + c), s)));
    }
    for (; c < channels; c++) {
      float x_hat = (xr[c] - mean[c]) * inv_std[c];
      dxr[c] = (dyr[c] - d_beta[c] * inv_rows - x_hat * d_gamma[c] * inv_rows) * gamma[c] * inv_std[c];
    }
  }
}

// The gradient of min(max(x, 0), 6) from its output y: dy where 0 < y < 6, else 0.
EXPORT(relu6_backward)
void relu6_backward(const float *dy, const float *y, int count, float *dx) {
  const v128_t zero = wasm_f32x4_splat(0.0f);
  const v128_t six = wasm_f32x4_splat(6.0f);
  int i = 0;
  for (; i + 4 <= count; i += 4) {
    v128_t v = load(y + i);
    v128_t inside = wasm_v128_and(wasm_f32x4_gt(v, zero), wasm_f32x4_lt(v, six));
    store(dx + i, wasm_v128_and(load(dy + i), inside));
  }
  for (; i < count; i++) dx[i] = (y[i] > 0.0f && y[i] < 6.0f) ? dy[i] : 0.0f;
}

// acc[c] += a[c] · b[c] for every channel of one pixel.
static inline void accumulate_products(float *acc, const float *a, const float *b, int channels) {
  int c = 0;
  for (; c + 4 <= channels; c += 4) store(acc + c, madd(load(acc + c), load(a + c), load(b + c)));
  for (; c < channels; c++) acc[c] += a[c] * b[c];
}

// The geometry of a dilation-1, channel-multiplier-1 NHWC depthwise convolution.
typedef struct {
  int batch, in_height, in_width, channels, out_height, out_width;
  int filter_height, filter_width, stride_height, stride_width, pad_top, pad_left;
} depthwise_geometry;

// For each output pixel and each filter tap that reads a pixel inside the input, calls
// body(input pixel, output pixel, tap) with the channel vectors' offsets.
#define FOR_EACH_TAP(g, body)                                                                              \
  for (int n = 0; n < g.batch; n++)                                                                         \
    for (int oh = 0; oh < g.out_height; oh++)                                                               \
      for (int kh = 0; kh < g.filter_height; kh++) {                                                        \
        int ih = oh * g.stride_height + kh - g.pad_top;                                                     \
        if (ih < 0 || ih >= g.in_height) continue;                                                          \
        for (int ow = 0; ow < g.out_width; ow++) {                                                          \
          long out_pixel = (((long)n * g.out_height + oh) * g.out_width + ow) * g.channels;                 \
          for (int kw = 0; kw < g.filter_width; kw++) {                                                     \
            int iw = ow * g.stride_width + kw - g.pad_left;                                                 \
            if (iw < 0 || iw >= g.in_width) continue;                                                       \
            long in_pixel = (((long)n * g.in_height + ih) * g.in_width + iw) * g.channels;                  \
            long tap = ((long)kh * g.filter_width + kw) * g.channels;                                       \
            body;                                                                                           \
          }                                                                                                 \
        }                                                                                                   \
      }

// dW[kh, kw, c] = Σ_{n, oh, ow} x[n, oh·sh + kh - top, ow·sw + kw - left, c] · dy[n, oh, ow, c]
EXPORT(depthwise_filter_gradient)
void depthwise_filter_gradient(const float *x, const float *dy, int batch, int in_height, int in_width, int channels,
                               int out_height, int out_width, int filter_height, int filter_width, int stride_height,
                               int stride_width, int pad_top, int pad_left, float *dw) {
  const depthwise_geometry g = {batch,         in_height,    in_width,      channels,     out_height, out_width,
                                filter_height, filter_width, stride_height, stride_width, pad_top,    pad_left};
  fill_zero(dw, filter_height * filter_width * channels);
  FOR_EACH_TAP(g, accumulate_products(dw + tap, x + in_pixel, dy + out_pixel, channels))
}

// dx[n, ih, iw, c] = Σ over the taps that read it of dy[n, oh, ow, c] · w[kh, kw, c]
EXPORT(depthwise_input_gradient)
void depthwise_input_gradient(const float *dy, const float *w, int batch, int in_height, int in_width, int channels,
                              int out_height, int out_width, int filter_height, int filter_width, int stride_height,
                              int stride_width, int pad_top, int pad_left, float *dx) {
  const depthwise_geometry g = {batch,         in_height,    in_width,      channels,     out_height, out_width,
                                filter_height, filter_width, stride_height, stride_width, pad_top,    pad_left};
  fill_zero(dx, batch * in_height * in_width * channels);
  FOR_EACH_TAP(g, accumulate_products(dx + in_pixel, dy + out_pixel, w + tap, channels))
}

// Rows of B (and of A's columns) taken per pass, so that the slices of A and B a pass
// streams through stay in cache: 256 rows of up to 1,280 channels.
#define K_BLOCK 256

// c[i, j..j+8] += Σ_{p0 <= p < p1} a(i, p) · b[p, j..j+8] for the four rows i..i+3,
// with a(i, p) at a[i·a_row + p·a_col]: eight accumulators, held in registers.
static inline void multiply_tile_4x8(const float *a, int a_row, int a_col, const float *b, int n, float *c, int p0, int p1) {
  v128_t c00 = wasm_f32x4_splat(0.0f), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  for (int p = p0; p < p1; p++) {
    const float *bp = b + (long)p * n;
    const float *ap = a + (long)p * a_col;
    v128_t b0 = load(bp), b1 = load(bp + 4);
    v128_t a0 = wasm_f32x4_splat(ap[0]), a1 = wasm_f32x4_splat(ap[a_row]);
    v128_t a2 = wasm_f32x4_splat(ap[2 * a_row]), a3 = wasm_f32x4_splat(ap[3 * a_row]);
    c00 = madd(c00, a0, b0), c01 = madd(c01, a0, b1), c10 = madd(c10, a1, b0), c11 = madd(c11, a1, b1);
    c20 = madd(c20, a2, b0), c21 = madd(c21, a2, b1), c30 = madd(c30, a3, b0), c31 = madd(c31, a3, b1);
  }
  store(c, wasm_f32x4_add(load(c), c00)), store(c + 4, wasm_f32x4_add(load(c + 4), c01));
  c += n, store(c, wasm_f32x4_add(load(c), c10)), store(c + 4, wasm_f32x4_add(load(c + 4), c11));
  c += n, store(c, wasm_f32x4_add(load(c), c20)), store(c + 4, wasm_f32x4_add(load(c + 4), c21));
  c += n, store(c, wasm_f32x4_add(load(c), c30)), store(c + 4, wasm_f32x4_add(load(c + 4), c31));
}

// c[m×n] = A[m×k] · b[k×n], b and c row-major, A's element (i, p) at a[i·a_row + p·a_col]:
// a_row = k, a_col = 1 for a row-major A, and a_row = 1, a_col = m for A stored transposed,
// so that xᵀ·dy needs no transpose. Tiles of 4 rows × 8 columns; the rows and columns
// past the last whole tile (none in MobileNetV2, whose channels are multiples of 8) are
// summed one element at a time.
EXPORT(matrix_multiply)
void matrix_multiply(const float *a, int a_row, int a_col, const float *b, int m, int n, int k, float *c) {
  fill_zero(c, m * n);
  const int m_tiled = m - m % 4, n_tiled = n - n % 8;
  for (int p0 = 0; p0 < k; p0 += K_BLOCK) {
    const int p1 = p0 + K_BLOCK < k ? p0 + K_BLOCK : k;
    for (int i = 0; i < m_tiled; i += 4)
      for (int j = 0; j < n_tiled; j += 8) multiply_tile_4x8(a + (long)i * a_row, a_row, a_col, b + j, n, c + (long)i * n + j, p0, p1);
  }
  for (int i = 0; i < m; i++)
    for (int j = i < m_tiled ? n_tiled : 0; j < n; j++) {
      float sum = 0.0f;
      for (int p = 0; p < k; p++) sum += a[(long)i * a_row + (long)p * a_col] * b[(long)p * n + j];
      c[(long)i * n + j] = sum;
    }
}

// out[cols×rows] = in[rows×cols]ᵀ
EXPORT(transpose)
void transpose(const float *in, int rows, int cols, float *out) {
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++) out[(long)c * rows + r] = in[(long)r * cols + c];
}

// out = in[b0 : b0 + s0, b1 : b1 + s1, b2 : b2 + s2, b3 : b3 + s3] for a [d0, d1, d2, d3]
// tensor of 4-byte elements (d0 only bounds b0 + s0), copied a run at a time (whole rows
// where the slice keeps the last axis whole).
EXPORT(slice_4d)
void slice_4d(const float *in, int d1, int d2, int d3, int b0, int b1, int b2, int b3, int s0, int s1, int s2, int s3, float *out) {
  const int whole_rows = s3 == d3;
  const long run = whole_rows ? (long)s2 * d3 : s3;
  const int runs_per_row = whole_rows ? 1 : s2;
  for (int i = 0; i < s0; i++)
    for (int j = 0; j < s1; j++)
      for (int k = 0; k < runs_per_row; k++) {
        const float *from = in + ((((long)(b0 + i) * d1 + (b1 + j)) * d2 + (b2 + k)) * d3 + b3);
        __builtin_memcpy(out, from, run * sizeof(float));
        out += run;
      }
}

// One variable's plain SGD step, value + (-learning_rate) * gradient, multiplying and adding
// in the order tfjs' own SGD optimizer does.
EXPORT(sgd_update)
void sgd_update(const float *value, const float *gradient, int count, float learning_rate, float *out) {
  const float step = -learning_rate;
  const v128_t step4 = wasm_f32x4_splat(step);
  int i = 0;
  for (; i + 4 <= count; i += 4) store(out + i, wasm_f32x4_add(wasm_f32x4_mul(step4, load(gradient + i)), load(value + i)));
  for (; i < count; i++) out[i] = step * gradient[i] + value[i];
}
