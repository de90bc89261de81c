/**
 * The shared kernel: the few value types every module speaks (who acts, on which channel, paging, and the
 * domain failures that the API turns into problem details). Kept deliberately tiny.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.conversa.kernel;
