import * as tf from '@tensorflow/tfjs';

import { SgdUpdate, activeBackendHas, runKernel } from '../backend/custom-kernels.js';

/**
 * tfjs' SGD optimizer (class name, config and serialisation unchanged) that, where the
 * backend has the {@link SgdUpdate} kernel (the WASM backend does), updates every variable
 * in one kernel call. The stock optimizer runs a multiply and an add per variable: 316
 * kernel calls a MobileNetV2 step, each with the engine's bookkeeping. The new values are
 * the same to the bit.
 */
export class SgdOptimizer extends tf.SGDOptimizer {
  override applyGradients(variableGradients: Parameters<tf.SGDOptimizer['applyGradients']>[0]): void {
    if (!activeBackendHas(SgdUpdate)) {
      super.applyGradients(variableGradients);
      return;
    }
    const named = Array.isArray(variableGradients) ? variableGradients.map(({ name, tensor }) => [name, tensor] as const) : Object.entries(variableGradients);
    const updates = named.flatMap(([name, gradient]) => {
      const variable = tf.engine().registeredVariables[name];
      if (variable === undefined) throw new Error(`SgdOptimizer: expected a variable named ${name}`);
      // As the stock optimizer: a variable without a gradient is left as it is.
      return gradient == null ? [] : [{ variable, gradient }];
    });
    tf.tidy(() => {
      const inputs = Object.fromEntries(
        updates.flatMap(({ variable, gradient }, i) => [
          [`value${i}`, variable as tf.Tensor],
          [`gradient${i}`, gradient],
        ]),
      );
      const values = runKernel(SgdUpdate, inputs, { learningRate: this.learningRate });
      updates.forEach(({ variable }, i) => variable.assign(values[i] as tf.Tensor));
    });
    this.incrementIterations();
  }
}
